// Versioned schema changes, applied in order at start. Never edit a released migration: add the next one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'reports, decisions, settings, sink queue',
    sql: `
      CREATE TABLE reports (
        id          text PRIMARY KEY,
        seq         bigserial UNIQUE,
        kind        text NOT NULL,
        reported_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        reporter    text NOT NULL,
        payload     jsonb NOT NULL
      );
      CREATE TABLE report_numbers (
        report_id text NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        e164      text NOT NULL,
        PRIMARY KEY (report_id, e164)
      );
      CREATE INDEX report_numbers_e164 ON report_numbers (e164);
      CREATE TABLE decisions (
        id         bigserial PRIMARY KEY,
        target     text NOT NULL CHECK (target IN ('number', 'block')),
        key        text NOT NULL,
        digits     integer,
        verdict    text NOT NULL CHECK (verdict IN ('scam', 'trusted', 'dismissed')),
        note       text,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX decisions_target ON decisions (target, key, id);
      CREATE TABLE settings (
        name  text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE sink_queue (
        id           bigserial PRIMARY KEY,
        sink         text NOT NULL,
        report_id    text NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        attempts     integer NOT NULL DEFAULT 0,
        next_attempt timestamptz NOT NULL DEFAULT now(),
        last_error   text,
        UNIQUE (sink, report_id)
      );
      CREATE INDEX sink_queue_due ON sink_queue (sink, next_attempt);
    `,
  },
];
