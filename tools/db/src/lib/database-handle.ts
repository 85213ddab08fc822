export interface DatabaseHandle {
  /** postgres:// URL of the database the product uses. */
  url: string;
  /** True when this process started an embedded PostgreSQL (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}
