// Client-safe facts about Stripe Checkout shared by schemas, modules and pages.
/** A Stripe Checkout session id as it comes back in `?session_id=` (anything else is ignored). */
export const CHECKOUT_SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/;
