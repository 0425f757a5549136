-- Moderation and safety: flags, the review queue, watched words, sanctions, blocks, notes and
-- an append-only audit log.

-- Suspensions and bans are enforced at sign-in, which accounts owns.
ALTER TABLE member ADD COLUMN suspended_until DATETIME(6) NULL;
ALTER TABLE member ADD COLUMN suspension_reason VARCHAR(500) NULL;

CREATE TABLE flag (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    post_id     BIGINT       NOT NULL,
    member_id   BIGINT       NOT NULL,
    reason      VARCHAR(16)  NOT NULL,
    note        VARCHAR(500) NOT NULL DEFAULT '',
    created_at  DATETIME(6)  NOT NULL,
    resolved    BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_flag_once UNIQUE (post_id, member_id),
    CONSTRAINT fk_flag_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_flag_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_flag_member ON flag (member_id, created_at);

-- One row per post that needs a moderator's eyes; reopened when something new happens to it.
CREATE TABLE review_item (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    post_id      BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    crisis       BOOLEAN      NOT NULL DEFAULT FALSE,
    held         BOOLEAN      NOT NULL DEFAULT FALSE,
    reasons      VARCHAR(200) NOT NULL DEFAULT '',
    flag_count   INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    closed_at    DATETIME(6)  NULL,
    closed_by    BIGINT       NULL,
    decision     VARCHAR(16)  NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_review_post UNIQUE (post_id),
    CONSTRAINT fk_review_post FOREIGN KEY (post_id) REFERENCES post (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_review_open ON review_item (status, crisis, flag_count, created_at);

CREATE TABLE watched_word (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    phrase       VARCHAR(100) NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    replacement  VARCHAR(100) NOT NULL DEFAULT '',
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_watched_phrase UNIQUE (phrase)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sanction (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_id   BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    starts_at   DATETIME(6)  NOT NULL,
    ends_at     DATETIME(6)  NULL,
    created_by  BIGINT       NOT NULL,
    lifted_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_sanction_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_sanction_member ON sanction (member_id, kind, ends_at);

CREATE TABLE member_note (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    member_id   BIGINT        NOT NULL,
    author_id   BIGINT        NOT NULL,
    note        VARCHAR(2000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_note_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    acted_at     DATETIME(6)   NOT NULL,
    actor_id     BIGINT        NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    target_type  VARCHAR(16)   NOT NULL,
    target_id    BIGINT        NOT NULL,
    reason       VARCHAR(500)  NOT NULL DEFAULT '',
    before_text  MEDIUMTEXT    NULL,
    after_text   MEDIUMTEXT    NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_audit_target ON audit_log (target_type, target_id);
CREATE INDEX ix_audit_actor ON audit_log (actor_id, acted_at);

-- Blocks between members (owned by accounts). Forum queries read it to keep the two apart.
CREATE TABLE member_block (
    blocker_id  BIGINT      NOT NULL,
    blocked_id  BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT fk_block_blocker FOREIGN KEY (blocker_id) REFERENCES member (id),
    CONSTRAINT fk_block_blocked FOREIGN KEY (blocked_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_block_blocked ON member_block (blocked_id, blocker_id);
