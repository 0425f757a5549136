-- Accountability partners: opt-in profiles, proposals, partnerships, private messages, nudges
-- and SOS. Every job writes through unique keys or conditional updates, so that a job that runs
-- twice (or on two nodes at once) proposes, nudges and escalates nothing twice.

CREATE TABLE partner_profile (
    member_id       BIGINT        NOT NULL,
    looking         BOOLEAN       NOT NULL DEFAULT FALSE,
    check_in_hour   INT           NOT NULL DEFAULT 20,
    wishes          VARCHAR(100)  NOT NULL DEFAULT '',
    intro           VARCHAR(500)  NOT NULL DEFAULT '',
    sos_helper      BOOLEAN       NOT NULL DEFAULT FALSE,
    -- Why the last matching left this member waiting (a Waiting name), and when it ran.
    waiting_reason  VARCHAR(32)   NULL,
    matched_at      DATETIME(6)   NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_partner_profile_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partner_profile_looking ON partner_profile (looking);
CREATE INDEX ix_partner_profile_helper ON partner_profile (sos_helper);

-- member_a < member_b. Every proposal ever made stays: a pair is never proposed twice.
CREATE TABLE partner_proposal (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    member_a     BIGINT       NOT NULL,
    member_b     BIGINT       NOT NULL,
    fit          DOUBLE       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    accepted_a   BOOLEAN      NOT NULL DEFAULT FALSE,
    accepted_b   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    decided_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_partner_proposal_pair UNIQUE (member_a, member_b),
    CONSTRAINT fk_partner_proposal_a FOREIGN KEY (member_a) REFERENCES member (id),
    CONSTRAINT fk_partner_proposal_b FOREIGN KEY (member_b) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partner_proposal_b ON partner_proposal (member_b);
CREATE INDEX ix_partner_proposal_open ON partner_proposal (status, expires_at);

-- A member in an open proposal or an active partnership holds one row here: the primary key is
-- what keeps a member in one proposal or partnership at a time, on any number of nodes.
CREATE TABLE partner_busy (
    member_id    BIGINT  NOT NULL,
    proposal_id  BIGINT  NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_partner_busy_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_partner_busy_proposal FOREIGN KEY (proposal_id) REFERENCES partner_proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partner_busy_proposal ON partner_busy (proposal_id);

CREATE TABLE partnership (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    proposal_id  BIGINT       NOT NULL,
    member_a     BIGINT       NOT NULL,
    member_b     BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    length_days  INT          NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    ends_at      DATETIME(6)  NOT NULL,
    renew_a      BOOLEAN      NOT NULL DEFAULT FALSE,
    renew_b      BOOLEAN      NOT NULL DEFAULT FALSE,
    ended_at     DATETIME(6)  NULL,
    -- Who ended it; NULL when its time ran out.
    ended_by     BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_partnership_proposal UNIQUE (proposal_id),
    CONSTRAINT fk_partnership_proposal FOREIGN KEY (proposal_id) REFERENCES partner_proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partnership_status ON partnership (status, ends_at);

-- Seen only by the two; a flagged message is shown to moderators alone, without the rest.
CREATE TABLE partner_message (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    partnership_id  BIGINT         NOT NULL,
    from_id         BIGINT         NOT NULL,
    to_id           BIGINT         NOT NULL,
    body            VARCHAR(2000)  NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    flagged_at      DATETIME(6)    NULL,
    flag_note       VARCHAR(500)   NOT NULL DEFAULT '',
    reviewed_at     DATETIME(6)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_partner_message_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partner_message_partnership ON partner_message (partnership_id, id);
CREATE INDEX ix_partner_message_flagged ON partner_message (flagged_at, reviewed_at);

-- At most one nudge per late member and local day.
CREATE TABLE partner_nudge (
    partnership_id  BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    local_date      DATE         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (partnership_id, member_id, local_date),
    CONSTRAINT fk_partner_nudge_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE partner_sos (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    partnership_id  BIGINT        NOT NULL,
    member_id       BIGINT        NOT NULL,
    partner_id      BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    escalate_at     DATETIME(6)   NOT NULL,
    escalated_at    DATETIME(6)   NULL,
    answered_by     BIGINT        NULL,
    answered_at     DATETIME(6)   NULL,
    answer_note     VARCHAR(500)  NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    CONSTRAINT fk_partner_sos_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_partner_sos_due ON partner_sos (status, escalate_at);
CREATE INDEX ix_partner_sos_member ON partner_sos (member_id, created_at);
CREATE INDEX ix_partner_sos_partner ON partner_sos (partner_id, status);
