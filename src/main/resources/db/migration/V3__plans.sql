-- No-contact plans. The plan's public face is its topic (kind PLAN, same id in URLs); the rows
-- here hold what a topic cannot: dates, slips, the private contact log and check-in values.
CREATE TABLE plan (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    topic_id         BIGINT        NOT NULL,
    member_id        BIGINT        NOT NULL,
    -- Equal to member_id while the plan is active, NULL after: the unique key allows one active plan.
    active_member_id BIGINT        NULL,
    status           VARCHAR(16)   NOT NULL,
    statement        VARCHAR(2000) NOT NULL DEFAULT '',
    start_date       DATE          NOT NULL,
    target_days      INT           NOT NULL,
    reasons          VARCHAR(4000) NOT NULL DEFAULT '',
    triggers         VARCHAR(4000) NOT NULL DEFAULT '',
    instead          VARCHAR(4000) NOT NULL DEFAULT '',
    created_at       DATETIME(6)   NOT NULL,
    ended_at         DATETIME(6)   NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_plan_topic UNIQUE (topic_id),
    CONSTRAINT uk_plan_active UNIQUE (active_member_id),
    CONSTRAINT fk_plan_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_plan_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_plan_member ON plan (member_id, created_at);

CREATE TABLE plan_key_date (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    plan_id  BIGINT       NOT NULL,
    on_day      DATE         NOT NULL,
    label    VARCHAR(100) NOT NULL,
    note     VARCHAR(300) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    CONSTRAINT fk_key_date_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_key_date_plan ON plan_key_date (plan_id, on_day);

CREATE TABLE plan_slip (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    plan_id       BIGINT        NOT NULL,
    on_day           DATE          NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    initiated_by  VARCHAR(8)    NOT NULL,
    note          VARCHAR(1000) NOT NULL DEFAULT '',
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_slip_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_slip_plan ON plan_slip (plan_id, on_day);

-- "They reached out": private to the plan's author, whatever the plan's visibility.
CREATE TABLE plan_contact (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    plan_id     BIGINT        NOT NULL,
    on_day         DATE          NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    offered     VARCHAR(2000) NOT NULL DEFAULT '',
    response    VARCHAR(2000) NOT NULL DEFAULT '',
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_contact_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_contact_plan ON plan_contact (plan_id, on_day);

-- A check-in is a post in the plan's topic; this row holds its values. One per plan and local day.
CREATE TABLE check_in (
    post_id          BIGINT        NOT NULL,
    plan_id          BIGINT        NOT NULL,
    on_day              DATE          NOT NULL,
    kept_no_contact  BOOLEAN       NOT NULL,
    mood             INT           NOT NULL,
    urge             INT           NOT NULL,
    note             MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (post_id),
    CONSTRAINT uk_check_in_day UNIQUE (plan_id, on_day),
    CONSTRAINT fk_check_in_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_check_in_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Milestones already announced, so that each is published once per streak.
CREATE TABLE plan_milestone (
    plan_id       BIGINT      NOT NULL,
    streak_start  DATE        NOT NULL,
    days          INT         NOT NULL,
    reached_on    DATE        NOT NULL,
    PRIMARY KEY (plan_id, streak_start, days),
    CONSTRAINT fk_milestone_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
