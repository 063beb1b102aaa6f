// Every kind of background task; imported by the job registry so the worker knows their runners.
import "./bulk-invite.server";
