import { Form } from "@remix-run/react";
import { useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass, type ButtonVariant } from "./button";
import { useHydrated } from "./hydrated";

type DialogProps = {
  /** The dialog's heading; it also names the dialog for screen readers. */
  title: string;
  /** Text of the button that opens it. */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  children: ReactNode;
  /**
   * Buttons at the bottom; give the safest one `data-autofocus` to focus it on opening. As a
   * function it learns whether it is shown inline (no JavaScript yet): leave out close buttons then.
   */
  footer?: ReactNode | ((close: () => void, inline: boolean) => ReactNode);
  className?: string;
};

/**
 * A modal built on the native <dialog> (showModal): the browser keeps focus inside, Escape closes
 * it, the rest of the page is inert. Focus goes back to the button that opened it.
 *
 * Without JavaScript (and before hydration) the same content is a <details> disclosure, so
 * nothing is unreachable. Put only what also makes sense inline in a dialog; anything bigger
 * deserves its own page.
 */
export function Dialog({ title, triggerLabel, triggerVariant = "secondary", children, footer, className = "" }: DialogProps) {
  const { t } = useTranslation("ui");
  const hydrated = useHydrated();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const close = () => dialogRef.current?.close();
  const renderedFooter = typeof footer === "function" ? footer(close, !hydrated) : footer;

  if (!hydrated) {
    return (
      <details className={`group ${className}`}>
        <summary className={buttonClass(triggerVariant, "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>{triggerLabel}</summary>
        <div role="group" aria-labelledby={titleId} className="mt-3 rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <div className="mt-2 text-slate-800">{children}</div>
          {renderedFooter ? <div className="mt-5 flex flex-wrap gap-3">{renderedFooter}</div> : null}
        </div>
      </details>
    );
  }

  const open = () => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  };

  return (
    <div className={className}>
      <button ref={triggerRef} type="button" className={buttonClass(triggerVariant)} aria-haspopup="dialog" onClick={open}>
        {triggerLabel}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        // Browsers return focus on close too, but not all of them and not after every kind of close.
        onClose={() => triggerRef.current?.focus()}
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        onClick={(event) => {
          if (event.target === dialogRef.current) close();
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
      >
        <div className="p-5 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="pt-2 text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={close} className={buttonClass("ghost", "-mr-2 shrink-0")}>
              {t("dialog.close")}
            </button>
          </div>
          <div className="mt-2 text-slate-800">{children}</div>
          {renderedFooter ? <div className="mt-6 flex flex-wrap justify-end gap-3">{renderedFooter}</div> : null}
        </div>
      </dialog>
    </div>
  );
}

type ConfirmProps = {
  title: string;
  triggerLabel: ReactNode;
  confirmLabel: string;
  /** What will happen, in plain words ("Dit kan niet ongedaan worden gemaakt."). */
  children: ReactNode;
  /** Hidden form fields, e.g. { intent: "delete", id }. */
  fields: Record<string, string>;
  action?: string;
  triggerVariant?: ButtonVariant;
  className?: string;
  /** Keep the scroll position after the post (with JavaScript), e.g. in a long list. */
  preventScrollReset?: boolean;
};

/**
 * Confirm before something that cannot be undone. With JavaScript: a modal dialog whose first
 * focus is on "Annuleren". Without: a <details> that reveals the same form. For heavy cases
 * (deleting a company with invoices) use a confirmation page instead: a GET page with the
 * consequences and this form, linked from the list.
 */
export function ConfirmDialog({
  title,
  triggerLabel,
  confirmLabel,
  children,
  fields,
  action,
  triggerVariant = "danger",
  className,
  preventScrollReset,
}: ConfirmProps) {
  const { t } = useTranslation("ui");
  return (
    <Dialog
      title={title}
      triggerLabel={triggerLabel}
      triggerVariant={triggerVariant}
      className={className}
      footer={(close, inline) => (
        <Form method="post" action={action} preventScrollReset={preventScrollReset} onSubmit={() => close()} className="contents">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {inline ? null : (
            <Button type="button" variant="secondary" onClick={close} data-autofocus className="max-sm:w-full">
              {t("dialog.cancel")}
            </Button>
          )}
          <Button variant="danger" className="max-sm:w-full">
            {confirmLabel}
          </Button>
        </Form>
      )}
    >
      {children}
    </Dialog>
  );
}
