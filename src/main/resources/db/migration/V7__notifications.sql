-- Email verification. Members who joined before verification existed (and the configured
-- administrator) are trusted as verified; everyone who joins from now on confirms their address.
ALTER TABLE member ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE member SET email_verified = TRUE;

-- Single-use tokens mailed to members: verify an address, reset a password, confirm a new address.
-- Only a SHA-256 of the token is stored, so a copy of the database cannot be used to take over accounts.
CREATE TABLE account_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_id   BIGINT       NOT NULL,
    purpose     VARCHAR(16)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    new_email   VARCHAR(254) NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_account_token_member ON account_token (member_id, purpose);

-- Topics a member follows: replies in them notify the member (and reach the digest).
CREATE TABLE topic_follow (
    member_id   BIGINT      NOT NULL,
    topic_id    BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, topic_id),
    CONSTRAINT fk_topic_follow_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_topic_follow_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_topic_follow_topic ON topic_follow (topic_id, member_id);

-- In-app notifications. Reactions to one post are gathered in one unread row (group_key, actor_count).
CREATE TABLE notification (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    member_id    BIGINT       NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    actor_id     BIGINT       NULL,
    topic_id     BIGINT       NULL,
    post_id      BIGINT       NULL,
    link         VARCHAR(300) NULL,
    detail       VARCHAR(100) NULL,
    group_key    VARCHAR(100) NULL,
    actor_count  INT          NOT NULL DEFAULT 1,
    created_at   DATETIME(6)  NOT NULL,
    read_at      DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_notification_member ON notification (member_id, read_at, created_at);
CREATE INDEX ix_notification_group ON notification (member_id, group_key, read_at);

-- A member's choice per kind (IN_APP, EMAIL, OFF); no row means the kind's default.
CREATE TABLE notification_preference (
    member_id  BIGINT      NOT NULL,
    kind       VARCHAR(24) NOT NULL,
    channel    VARCHAR(8)  NOT NULL,
    PRIMARY KEY (member_id, kind),
    CONSTRAINT fk_notification_preference_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Mail settings: the digest (opt-in), its local hour, discreet mode and the one-click unsubscribe token.
CREATE TABLE mail_setting (
    member_id          BIGINT      NOT NULL,
    digest             VARCHAR(8)  NOT NULL DEFAULT 'OFF',
    digest_hour        INT         NOT NULL DEFAULT 8,
    discreet           BOOLEAN     NOT NULL DEFAULT FALSE,
    unsubscribe_token  CHAR(43)    NOT NULL,
    last_digest_at     DATETIME(6) NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT uk_mail_setting_unsubscribe UNIQUE (unsubscribe_token),
    CONSTRAINT fk_mail_setting_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_mail_setting_digest ON mail_setting (digest, member_id);

-- The mail outbox: a row is written in the transaction that causes the mail and sent later.
-- idempotency_key (member, kind and period for digests) makes a second copy impossible.
CREATE TABLE mail_outbox (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    member_id         BIGINT        NULL,
    to_address        VARCHAR(254)  NOT NULL,
    kind              VARCHAR(24)   NOT NULL,
    from_name         VARCHAR(100)  NOT NULL,
    subject           VARCHAR(200)  NOT NULL,
    text_body         MEDIUMTEXT    NOT NULL,
    html_body         MEDIUMTEXT    NOT NULL,
    unsubscribe_url   VARCHAR(300)  NULL,
    idempotency_key   VARCHAR(120)  NULL,
    status            VARCHAR(10)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(6)   NOT NULL,
    last_error        VARCHAR(500)  NULL,
    created_at        DATETIME(6)   NOT NULL,
    sent_at           DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_mail_outbox_idempotency UNIQUE (idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);

-- One row per member and digest period, claimed before the digest is written: never twice,
-- across restarts and nodes.
CREATE TABLE digest_sent (
    member_id   BIGINT      NOT NULL,
    period_key  VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, period_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ShedLock (JDBC provider): one node at a time runs each scheduled job.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
