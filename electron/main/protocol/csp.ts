import { rendererCsp } from '../../../shared/security/csp';

/** Sent with every app:// response: the renderer never talks to the network itself. */
export const CONTENT_SECURITY_POLICY = rendererCsp("'none'");
