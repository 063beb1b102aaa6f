// What a toast is, shared by the server (toast.server.ts) and the Toaster component. Client-safe.
export const TOAST_TONES = ["success", "info", "warning", "error"] as const;
export type ToastTone = (typeof TOAST_TONES)[number];

/** A message for the next page: an i18n key ("namespace:key") with its values. */
export type ToastMessage = { id: string; key: string; values?: Record<string, string>; tone: ToastTone };
