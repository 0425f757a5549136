-- One row per member who has posted: every post, topic and plan locks its author's row first, in
-- the transaction that writes it, so that one member's simultaneous requests are checked against
-- the posting limits (time between posts, the same text twice, the new-member cap) one after another.
CREATE TABLE posting_claim (
    member_id   BIGINT      NOT NULL,
    claimed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_posting_claim_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
