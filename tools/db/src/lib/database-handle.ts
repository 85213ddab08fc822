export interface DatabaseHandle {
  /** postgres:// URL of the database the product uses. */
  url: string;
  /** True when this process started an embedded PostgreSQL (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
  /** Embedded only: starts the stopped server again on the same port and data, as a restart does. */
  startAgain?: () => Promise<void>;
}
