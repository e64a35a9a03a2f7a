-- The job service: jobs, their event logs and the workers that run them.
-- Written for both H2 and PostgreSQL; times are epoch milliseconds.
CREATE TABLE jobs (
    id               VARCHAR(36)      NOT NULL PRIMARY KEY,
    kind             VARCHAR(64)      NOT NULL,
    owner            VARCHAR(128)     NOT NULL,
    state            VARCHAR(16)      NOT NULL,
    priority         INTEGER          NOT NULL,
    gpu_capable      BOOLEAN          NOT NULL,
    spec             TEXT             NOT NULL,
    created_at       BIGINT           NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT,
    worker           VARCHAR(128),
    device           VARCHAR(32),
    attempts         INTEGER          NOT NULL DEFAULT 0,
    progress         DOUBLE PRECISION NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN          NOT NULL DEFAULT FALSE,
    reason           TEXT,
    result           TEXT,
    summary          TEXT
);

CREATE INDEX jobs_queue ON jobs (state, priority, created_at);
CREATE INDEX jobs_owner ON jobs (owner, created_at);

CREATE TABLE job_events (
    job_id     VARCHAR(36) NOT NULL,
    seq        BIGINT      NOT NULL,
    type       VARCHAR(64) NOT NULL,
    data       TEXT        NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE workers (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    heartbeat_at BIGINT       NOT NULL,
    devices      TEXT         NOT NULL
);
