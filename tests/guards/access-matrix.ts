// The access matrix: for every route in the manifest, what each role fixture gets when it opens
// the page (loader) and when it posts to it (action), and which unique marker the page shows when
// access is allowed. access-matrix.test.ts runs it; headers.test.ts reuses its paths.
//
// A cell is one of:
//   200              the page answers 200 and shows the row's marker (in the HTML and in ?_data=)
//   "hidden"         200, but the marker is absent (a wrong token's "no longer works" page)
//   "login"          a redirect to /login?redirectTo=…
//   "redirect:/path" a redirect elsewhere (a signed-in person on a sign-in page goes to /dashboard)
//   400 | 403 | 404  that status (404 where even the object's existence must not show)
//   405              the route takes no GET (a webhook endpoint)
// Every cell that is not 200 is checked for the absence of the row's markers, and a 200 cell for
// the absence of the markers other roles see (pages about "me" show each person only themselves).
import { AREAS } from "./areas";
import { everyone, marker, ownName, SIGNED_IN_GOES_TO_DASHBOARD, text } from "./cells";
import { ROLE_FIXTURES, type RoleFixture, type World } from "./world";

export type Expect = 200 | "hidden" | "login" | `redirect:/${string}` | 400 | 403 | 404 | 405;
export type Cells = Record<RoleFixture, Expect>;

export type Probe = {
  /** Why these cells: who may see what, and why. */
  why: string;
  path: (w: World) => string;
  /** The unique string the page shows when access is allowed; per role on pages about the viewer. */
  marker?: (w: World, role: RoleFixture) => string | undefined;
  cells: Cells;
  /**
   * Tables a GET of this probe may change. Every entry is a known defect against ADR 0003
   * ("the only write a page view may cause" is the session touch), kept visible here and in the report.
   */
  getWrites?: { tables: string[]; why: string };
};

/** An export of the page (CSV, PDF): same cells, the marker must be in (or absent from) the file. */
export type Format = { name: string; query: string; contentType: string };

export type ActionRow = {
  why: string;
  /** Where to post; defaults to the row's path. */
  path?: (w: World) => string;
  /** A harmless form: invalid, or aimed at nothing, so an allowed post changes nothing either. */
  form: (w: World) => Record<string, string>;
  cells: Record<RoleFixture, Exclude<Expect, "hidden">>;
  /** Tables an allowed post may change (a forbidden one may change none). */
  writes?: string[];
  /** Post with a second, new session of the role's person (the post ends the session it uses). */
  freshSession?: true;
};

export type Row = Omit<Partial<Probe>, "why"> & {
  why: string;
  /** Further GETs of the same route: a wrong token, another company's file, a return URL. */
  also?: Probe[];
  formats?: Format[];
  /** For routes without a page to show: why no cell expects 200 with a marker. */
  noPage?: string;
  action?: ActionRow;
};

const CORE_ROWS: Record<string, Row> = {
  "routes/$": {
    why: "Any unknown path is a 404 for everyone.",
    path: () => "/guards/no-such-page",
    cells: everyone(404),
    noPage: "it only answers 404: there is no object to show",
  },
  "routes/_index": {
    why: "The public home page; it shows counts only, so its marker is its heading.",
    path: () => "/",
    marker: () => text("common", "home.title"),
    cells: everyone(200),
  },
  "routes/account": {
    why: "Everyone signed in sees their own account (name, roles, sessions) and nobody else's.",
    path: () => "/account",
    marker: ownName,
    cells: {
      anonymous: "login", board: 200, contactA: 200, contactB: 200, schoolContactA: 200, schoolContactB: 200,
      teacherA: 200, teacherB: 200, pupilA: 200, jurorA: 200, officialA: 200,
    },
    action: {
      why: "Switching role or signing out everywhere acts on one's own sessions only.",
      form: () => ({ intent: "no-such-intent" }),
      cells: {
        anonymous: "login", board: 400, contactA: 400, contactB: 400, schoolContactA: 400, schoolContactB: 400,
        teacherA: 400, teacherB: 400, pupilA: 400, jurorA: 400, officialA: 400,
      },
    },
  },
  "routes/bestuur.mensen": {
    why: "Only the board sees people, roles and open invitations (the marker: an invitee's address).",
    path: () => "/bestuur/mensen",
    marker: marker("invitee"),
    cells: {
      anonymous: "login", board: 200, contactA: 403, contactB: 403, schoolContactA: 403, schoolContactB: 403,
      teacherA: 403, teacherB: 403, pupilA: 403, jurorA: 403, officialA: 403,
    },
    action: {
      why: "Only the board invites, removes roles and revokes invitations.",
      form: () => ({ intent: "invite" }),
      cells: {
        anonymous: "login", board: 400, contactA: 403, contactB: 403, schoolContactA: 403, schoolContactB: 403,
        teacherA: 403, teacherB: 403, pupilA: 403, jurorA: 403, officialA: 403,
      },
    },
  },
  "routes/dashboard": {
    why: "Everyone signed in has a start page that greets them by name.",
    path: () => "/dashboard",
    marker: ownName,
    cells: {
      anonymous: "login", board: 200, contactA: 200, contactB: 200, schoolContactA: 200, schoolContactB: 200,
      teacherA: 200, teacherB: 200, pupilA: 200, jurorA: 200, officialA: 200,
    },
  },
  "routes/dev.mailbox._index": {
    why: "Development mailbox: open to everyone while mail is simulated, 404 with a Resend key (ADR 0004).",
    path: () => "/dev/mailbox",
    marker: marker("invitee"),
    cells: everyone(200),
  },
  "routes/dev.mailbox.$messageId": {
    why: "One mail in the development mailbox: open to everyone while mail is simulated (ADR 0004).",
    path: (w) => `/dev/mailbox/${w.params.messageId}`,
    marker: marker("mail"),
    cells: everyone(200),
  },
  "routes/dev.payments": {
    why: "Simulated-payments tester page: open to everyone while payments are simulated, 404 with a Stripe key.",
    path: () => "/dev/payments",
    marker: marker("payment"),
    cells: everyone(200),
    also: [
      {
        why: "Back from checkout with ?session_id: the page shows the payment and offers to ask Stripe (a POST), it writes nothing itself.",
        path: (w) => `/dev/payments?result=success&session_id=${w.params.returnedSessionId}`,
        marker: marker("paymentReturned"),
        cells: everyone(200),
      },
    ],
    action: {
      why: "Tester actions, open like the page while payments are simulated.",
      form: () => ({ intent: "no-such-intent" }),
      cells: everyone(400),
    },
  },
  "routes/dev.stripe.checkout.$sessionId": {
    why: "The Stripe fake's checkout page: open to everyone while payments are simulated (like Stripe's own page).",
    path: (w) => `/dev/stripe/checkout/${w.params.sessionId}`,
    marker: marker("payment"),
    cells: everyone(200),
    action: {
      why: "The tester decides how the payment ends; open like the page.",
      form: () => ({ intent: "no-such-intent" }),
      cells: everyone(400),
    },
  },
  "routes/healthz": {
    why: "Health check for load balancers: public, shows only that the database answers.",
    path: () => "/healthz",
    marker: () => '"status":"ok"',
    cells: everyone(200),
  },
  "routes/invitation.$token": {
    why: "The link in an invitation mail: the token is the key, so whoever holds it sees whom it invites.",
    path: (w) => `/invitation/${w.params.invitationToken}`,
    marker: marker("invitee"),
    cells: everyone(200),
    also: [
      {
        why: "A wrong token shows the \"no longer works\" page to everyone, naming nobody.",
        path: () => "/invitation/guards-wrong-token",
        marker: marker("invitee"),
        cells: everyone("hidden"),
      },
    ],
    action: {
      why: "Accepting needs a good token; a wrong one is refused for everyone.",
      path: () => "/invitation/guards-wrong-token",
      form: () => ({}),
      cells: everyone(400),
    },
  },
  "routes/language": {
    why: "Choosing a language is a form post; a visit goes home.",
    path: () => "/language",
    cells: everyone("redirect:/"),
    noPage: "it only redirects (home, or back to the page the language was chosen on)",
    action: {
      why: "Anyone may choose a language (a cookie); an unknown one changes nothing but the per-client post count of the rate limit.",
      form: () => ({ lang: "xx", redirectTo: "/" }),
      cells: everyone("redirect:/"),
      writes: ["RateLimit"],
    },
  },
  "routes/login._index": {
    why: "Sign-in page for the signed-out; whoever is signed in goes to their start page.",
    path: () => "/login",
    marker: () => text("auth", "login.metaTitle"),
    cells: SIGNED_IN_GOES_TO_DASHBOARD,
    action: {
      why: "Anyone may ask for a sign-in mail; an invalid address is refused, having only counted the client's post for the rate limit.",
      form: () => ({ email: "not-an-address" }),
      cells: everyone(400),
      writes: ["RateLimit"],
    },
  },
  "routes/login.code": {
    why: "The \"type the code\" page is open to all: the code only works in the browser that asked.",
    path: () => "/login/code",
    marker: () => text("auth", "code.title"),
    cells: everyone(200),
    action: {
      why: "A malformed code is refused before the token is touched (the client's post is counted for the rate limit first).",
      form: () => ({ code: "" }),
      cells: everyone(400),
      writes: ["RateLimit"],
    },
  },
  "routes/login.confirm.$token": {
    why: "The link in a sign-in mail: the token is the key; the page names whom it signs in, and only a POST signs in.",
    path: (w) => `/login/confirm/${w.params.loginToken}`,
    marker: marker("signer"),
    cells: everyone(200),
    also: [
      {
        why: "A wrong token shows the \"no longer works\" page to everyone, naming nobody.",
        path: () => "/login/confirm/guards-wrong-token",
        marker: marker("signer"),
        cells: everyone("hidden"),
      },
    ],
    action: {
      why: "Signing in needs a good token; a wrong one is refused for everyone.",
      path: () => "/login/confirm/guards-wrong-token",
      form: () => ({}),
      cells: everyone(400),
    },
  },
  "routes/login.leerling": {
    why: "Pupils' sign-in page for the signed-out; whoever is signed in goes to their start page.",
    path: () => "/login/leerling",
    marker: () => text("auth", "pupil.title"),
    cells: SIGNED_IN_GOES_TO_DASHBOARD,
    action: {
      why: "A malformed pupil code is refused before any code is compared (the client's post is counted for the rate limit first).",
      form: () => ({ code: "" }),
      cells: everyone(400),
      writes: ["RateLimit"],
    },
  },
  "routes/logout": {
    why: "Signing out is a POST; a visit goes home.",
    path: () => "/logout",
    cells: everyone("redirect:/"),
    noPage: "it only redirects home",
    action: {
      why: "Anyone may sign out; it ends only the session that posts.",
      form: () => ({}),
      cells: everyone("redirect:/"),
      writes: ["Session"],
      freshSession: true,
    },
  },
  "routes/ontwerp": {
    why: "The design system page: public, static sample data; its marker is its heading.",
    path: () => "/ontwerp",
    marker: () => text("design", "title"),
    cells: everyone(200),
    action: {
      why: "Sample forms that store nothing; an incomplete one is refused for everyone.",
      form: () => ({ intent: "example" }),
      cells: everyone(400),
    },
  },
  "routes/webhooks.stripe": {
    why: "Stripe's endpoint: no page.",
    path: () => "/webhooks/stripe",
    cells: everyone(405),
    noPage: "only Stripe posts to it: a GET is answered 405 with Allow: POST",
    action: {
      why: "Only a post signed with the webhook secret is handled; an unsigned one gets 400 whoever sends it.",
      form: () => ({ type: "checkout.session.completed" }),
      cells: everyone(400),
    },
  },
};

/** Every route's row: the core ones above and those of each capability area (areas/*.ts). */
export const ACCESS_MATRIX: Record<string, Row> = Object.assign({}, CORE_ROWS, ...AREAS.map((area) => area.rows ?? {}));

// --- Reading responses -----------------------------------------------------------------------------

/** The URL of a probe's loader data (what the browser fetches on client navigation). */
export function dataPath(path: string, routeId: string, options: { index?: boolean } = {}): string {
  const url = new URL(path, "http://localhost");
  if (options.index) url.searchParams.set("index", "");
  url.searchParams.set("_data", routeId);
  return `${url.pathname}${url.search}`;
}

/** The probes of a row: its own path and cells, then its `also` probes. */
export function probesOf(row: Row): Probe[] {
  const own = row.path && row.cells ? [{ why: row.why, path: row.path, marker: row.marker, cells: row.cells, getWrites: row.getWrites }] : [];
  return [...own, ...(row.also ?? [])];
}

/** What a response amounts to, in the terms of a cell. */
export function outcome(response: Response): string {
  const location = response.headers.get("X-Remix-Redirect") ?? (response.status >= 300 && response.status < 400 ? response.headers.get("Location") : null);
  if (location !== null) {
    const target = new URL(location, "http://localhost");
    return target.pathname === "/login" && target.searchParams.has("redirectTo") ? "login" : `redirect:${target.pathname}`;
  }
  return String(response.status);
}

/** Does the response's outcome satisfy the cell? */
export function satisfies(expect: Expect, actual: string): boolean {
  return String(expect === "hidden" ? 200 : expect) === actual;
}

/** The markers a response for `role` must show, and those it must not. */
export function markerRule(probe: Pick<Probe, "marker" | "cells">, world: World, role: RoleFixture, expect: Expect) {
  const own = probe.marker?.(world, role);
  const shown = expect === 200 && own ? [own] : [];
  const all = new Set(ROLE_FIXTURES.map((r) => probe.marker?.(world, r)).filter((m): m is string => !!m));
  return { shown, absent: [...all].filter((m) => !shown.includes(m)) };
}

/** A failure that is its message: the list of cells says where, a stack frame would not. */
export function failure(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}
