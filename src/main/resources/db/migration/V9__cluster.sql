-- What several app nodes share through the database (the cluster profile). The tables exist on every
-- install, so that switching a single node to the cluster profile needs no other migration.

-- Spring Session JDBC: a member signed in through one node is signed in on all of them. Upper-case
-- names, as Spring Session writes them (MySQL table names are case-sensitive on Linux).
CREATE TABLE SPRING_SESSION (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    PRIMARY KEY (primary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX ux_spring_session_id ON SPRING_SESSION (session_id);
CREATE INDEX ix_spring_session_expiry ON SPRING_SESSION (expiry_time);
CREATE INDEX ix_spring_session_principal ON SPRING_SESSION (principal_name);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    LONGBLOB     NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT fk_spring_session_attributes FOREIGN KEY (session_primary_id) REFERENCES SPRING_SESSION (primary_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Hibernate Search outbox-polling coordination: a change to an indexed entity is written here in its
-- own transaction; the nodes' event processors share the rows out by shard and index them once.
CREATE TABLE hsearch_outbox_event (
    id             VARCHAR(36)  NOT NULL,
    entity_name    VARCHAR(256) NOT NULL,
    entity_id      VARCHAR(256) NOT NULL,
    entity_id_hash INT          NOT NULL,
    tenant_id      VARCHAR(255),
    payload        LONGBLOB     NOT NULL,
    retries        INT          NOT NULL,
    process_after  DATETIME(6)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_hsearch_outbox_process_after ON hsearch_outbox_event (process_after);

CREATE TABLE hsearch_agent (
    id                   VARCHAR(36)  NOT NULL,
    type                 VARCHAR(40)  NOT NULL,
    name                 VARCHAR(255) NOT NULL,
    tenant_id            VARCHAR(255),
    expiration           DATETIME(6)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    total_shard_count    INT,
    assigned_shard_index INT,
    payload              LONGBLOB,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Each run of a scheduled job (they are ShedLock'ed through the shedlock table of V7), with the node that ran it: for operators, and the proof that a job
-- ran once per tick across nodes.
CREATE TABLE job_run (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    job         VARCHAR(64)  NOT NULL,
    node        VARCHAR(100) NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    finished_at DATETIME(6),
    outcome     VARCHAR(500),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_job_run_job ON job_run (job, started_at);

-- Failed sign-ins, when nodes must agree on throttling (the cluster profile). Keys are hashes of the
-- typed login or the client address, never the text itself.
CREATE TABLE login_failure (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    key_hash  CHAR(64)    NOT NULL,
    failed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_login_failure_key ON login_failure (key_hash, failed_at);

-- Secrets the application generates once and every node reads (form-token signing, remember-me),
-- unless configured: a restart or a second node then accepts what the first one issued.
CREATE TABLE app_secret (
    name       VARCHAR(64)  NOT NULL,
    secret     VARCHAR(128) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
