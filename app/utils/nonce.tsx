import { createContext, useContext } from "react";

// The per-response CSP nonce; on the client it is an empty string.
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
