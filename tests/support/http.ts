// Small helpers for loader/action tests: build requests, carry cookies like a browser.
export class CookieJar {
  private cookies = new Map<string, string>();

  apply(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get size() {
    return this.cookies.size;
  }
}

export function get(path: string, jar?: CookieJar, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers: { ...(jar?.size ? { Cookie: jar.header() } : {}), ...headers } });
}

export function post(path: string, fields: Record<string, string>, jar?: CookieJar, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { ...(jar?.size ? { Cookie: jar.header() } : {}), ...headers },
  });
}

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

/** Runs a loader/action and returns the Response, also when it throws one (redirects, 403, 404). */
export async function respond(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
