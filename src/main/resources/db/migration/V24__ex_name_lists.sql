-- A member's private list of the names, nicknames, handles and numbers of someone they fear.
-- Only keyed fingerprints are kept (HMAC with an application secret), never the words: staff can
-- see that a list exists and how long it is, nothing more. The list row also serialises a
-- member's additions, so that the length limit holds however many arrive at once.
CREATE TABLE ex_name_list (
    member_id BIGINT NOT NULL PRIMARY KEY,
    entries INT NOT NULL DEFAULT 0,
    replace_own BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_ex_name_list_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ex_name_entry (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id BIGINT NOT NULL,
    -- Fingerprint of the first word, looked up with every word of a post; then of the whole entry.
    first_word_key CHAR(43) NOT NULL,
    entry_key CHAR(43) NOT NULL,
    word_count INT NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_ex_name_entry UNIQUE (member_id, entry_key),
    CONSTRAINT fk_ex_name_entry_list FOREIGN KEY (member_id) REFERENCES ex_name_list (member_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_ex_name_entry_first_word ON ex_name_entry (first_word_key);
