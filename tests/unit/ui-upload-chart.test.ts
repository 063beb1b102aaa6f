// The upload field's reading of the server's answer, and the chart's text alternative.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Chart } from "~/components/ui/chart";
import { readOutcome } from "~/components/ui/upload-field";
import { formatFileSize } from "~/utils/format";

const answer = (status: number, headers: Record<string, string> = {}, body = "", responseURL = "http://localhost:3000/ontwerp?_data=routes%2Fontwerp") => ({
  status,
  responseURL,
  responseText: body,
  getResponseHeader: (name: string) => headers[name] ?? null,
});

describe("the upload field follows the server's answer", () => {
  const posted = "/ontwerp?_data=routes%2Fontwerp";

  it("navigates to a Remix data redirect (204 + X-Remix-Redirect)", () => {
    expect(readOutcome(answer(204, { "X-Remix-Redirect": "/ontwerp?bestand=abc" }), posted, "file")).toEqual({ kind: "redirect", to: "/ontwerp?bestand=abc" });
  });

  it("navigates to where a followed 302 ended (responseURL differs)", () => {
    const followed = answer(200, { "Content-Type": "text/html" }, "<html>", "http://localhost:3000/taken/t1");
    expect(readOutcome(followed, "/bestuur/mensen", "file")).toEqual({ kind: "redirect", to: "/taken/t1" });
  });

  it("shows field errors of a 400 at the field and the others above", () => {
    const body = JSON.stringify({ status: "error", error: { file: ["files:refused.svg?allowed=PDF"], "": ["design:errors.x"] } });
    expect(readOutcome(answer(400, { "Content-Type": "application/json; charset=utf-8" }, body), posted, "file")).toEqual({
      kind: "errors",
      fieldErrors: ["files:refused.svg?allowed=PDF"],
      formErrors: ["design:errors.x"],
    });
  });

  it("reports a failure for a 500 or an answer that is not ours", () => {
    expect(readOutcome(answer(500, { "Content-Type": "text/html" }, "oops"), posted, "file")).toEqual({ kind: "failed", status: 500 });
    expect(readOutcome(answer(413, { "Content-Type": "application/json" }, "not json"), posted, "file")).toEqual({ kind: "failed", status: 413 });
  });

  it("writes sizes for people", () => {
    expect(formatFileSize(2_500_000, "nl")).toBe("2,4 MB");
    expect(formatFileSize(2048, "en")).toBe("2 KB");
  });
});

describe("a chart", () => {
  const html = renderToString(
    createElement(Chart, {
      caption: "Bedrijven per schooljaar",
      data: [
        { year: "2024-2025", companies: 12, paidCents: 600000 },
        { year: "2025-2026", companies: 15, paidCents: 725050 },
      ],
      xKey: "year",
      xLabel: "Schooljaar",
      series: [
        { key: "companies", label: "Bedrijven" },
        { key: "paidCents", label: "Betaald", type: "line", axis: "right", format: (v: number) => `€ ${(v / 100).toFixed(2)}` },
      ],
    }),
  );

  it("has its numbers as a real table in the HTML before any script runs", () => {
    expect(html).toContain("<figure");
    expect(html).toContain("Bedrijven per schooljaar</figcaption>");
    expect(html).toMatch(/<table[^>]*>[\s\S]*<th[^>]*scope="row"[^>]*>2025-2026<\/th>[\s\S]*>15<\/td>[\s\S]*>€ 7250.50<\/td>/);
    expect(html).toContain("<details");
  });

  it("hides the drawing from assistive technology and keeps its height (nothing jumps)", () => {
    expect(html).toMatch(/<div aria-hidden="true" class="[^"]*" style="height:280px" data-chart-canvas/);
    expect(html).not.toContain("<svg");
  });
});
