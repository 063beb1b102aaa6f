import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

/**
 * Back from Stripe Checkout with a payment that is still open here: the webhook may not have
 * arrived yet. Page views never write (ADR 0003), so the page posts `intent=sync` with the
 * checkout session id to its own action, which asks Stripe and records the outcome. With
 * JavaScript it posts once by itself; without, the person presses the button.
 */
export function CheckoutReturnSync({ sessionId, action }: { sessionId: string; action?: string }) {
  const { t } = useTranslation("payments");
  const fetcher = useFetcher();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    fetcher.submit({ intent: "sync", sessionId }, { method: "post", action });
  }, [fetcher, sessionId, action]);
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={action} className="flex flex-wrap items-center gap-3" aria-live="polite">
      <input type="hidden" name="intent" value="sync" />
      <input type="hidden" name="sessionId" value={sessionId} />
      <p className="text-slate-700">{busy ? t("return.checking") : t("return.pending")}</p>
      <Button variant="secondary" pending={busy}>
        {t("return.check")}
      </Button>
    </fetcher.Form>
  );
}
