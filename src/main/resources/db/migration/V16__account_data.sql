-- Data export and account deletion (accounts). A member sees their own exports and refused attempts;
-- an erased member leaves only a count-like record without anything that points back at them.
CREATE TABLE account_data_request (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    member_id     BIGINT      NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    requested_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_account_data_request_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_account_data_request_member ON account_data_request (member_id, requested_at);

-- A freed username or address, by a hash of its key, until it may be taken again.
CREATE TABLE name_hold (
    key_hash    CHAR(64)    NOT NULL,
    held_until  DATETIME(6) NOT NULL,
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_name_hold_until ON name_hold (held_until);

-- One row per erased account: when, how, and which staff member did it on request (null: the member).
CREATE TABLE erasure_record (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    erased_at  DATETIME(6) NOT NULL,
    mode       VARCHAR(24) NOT NULL,
    staff_id   BIGINT      NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The neutral author of the public posts a leaving member chose to keep. The name has a space, so
-- nobody can register it, and no password matches the hash.
INSERT INTO member (username, username_key, email, email_key, password_hash, display_name, time_zone, role, created_at,
                    email_verified)
VALUES ('former member', 'former member', 'former-member@invalid', 'former-member@invalid', '!', 'Former member', 'UTC',
        'MEMBER', '2026-01-01 00:00:00', FALSE);
