-- How the search index was last built. A start that finds another mapping fingerprint (the
-- forum's search annotations or analyzers changed) rebuilds the index from the database.
CREATE TABLE search_index_state (
    name         VARCHAR(40)  NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    built_at     DATETIME(6)  NOT NULL,
    took_ms      BIGINT       NOT NULL,
    documents    BIGINT       NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
