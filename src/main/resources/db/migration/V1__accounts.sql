-- Members and their sign-in state. Case-insensitive uniqueness is kept in *_key columns
-- (lower-cased in Java) so that it behaves the same on H2, MySQL and MariaDB collations.
CREATE TABLE member (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(20)  NOT NULL,
    username_key   VARCHAR(20)  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    email_key      VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    display_name   VARCHAR(50)  NOT NULL,
    time_zone      VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_member_username UNIQUE (username_key),
    CONSTRAINT uk_member_email UNIQUE (email_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Spring Security's persistent remember-me tokens (JdbcTokenRepositoryImpl).
CREATE TABLE persistent_logins (
    username   VARCHAR(64) NOT NULL,
    series     VARCHAR(64) NOT NULL,
    token      VARCHAR(64) NOT NULL,
    last_used  DATETIME(6) NOT NULL,
    PRIMARY KEY (series)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_persistent_logins_username ON persistent_logins (username);

-- Spring Modulith's event publication registry (JPA), so that cross-module reactions survive a crash.
CREATE TABLE event_publication (
    id                      CHAR(36)      NOT NULL,
    listener_id             VARCHAR(512)  NOT NULL,
    event_type              VARCHAR(512)  NOT NULL,
    serialized_event        VARCHAR(4000) NOT NULL,
    publication_date        DATETIME(6)   NOT NULL,
    completion_date         DATETIME(6)   NULL,
    status                  VARCHAR(20)   NULL,
    completion_attempts     INT           NOT NULL DEFAULT 0,
    last_resubmission_date  DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);

CREATE TABLE event_publication_archive (
    id                      CHAR(36)      NOT NULL,
    listener_id             VARCHAR(512)  NOT NULL,
    event_type              VARCHAR(512)  NOT NULL,
    serialized_event        VARCHAR(4000) NOT NULL,
    publication_date        DATETIME(6)   NOT NULL,
    completion_date         DATETIME(6)   NULL,
    status                  VARCHAR(20)   NULL,
    completion_attempts     INT           NOT NULL DEFAULT 0,
    last_resubmission_date  DATETIME(6)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
