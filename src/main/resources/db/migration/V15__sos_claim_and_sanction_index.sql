-- One waiting SOS per member and partnership, however many times it is pressed at once:
-- waiting_member_id holds the member while the SOS is open or escalated and is cleared when it is
-- answered or closed, so the unique key is the claim (NULLs never collide).
ALTER TABLE partner_sos ADD COLUMN waiting_member_id BIGINT NULL;

-- Rows from before: the newest waiting SOS of each member and partnership holds the claim.
UPDATE partner_sos SET waiting_member_id = member_id
WHERE id IN (SELECT id FROM (SELECT MAX(id) AS id FROM partner_sos WHERE status IN ('OPEN', 'ESCALATED')
                             GROUP BY partnership_id, member_id) AS newest);

CREATE UNIQUE INDEX uk_partner_sos_waiting ON partner_sos (partnership_id, waiting_member_id);

-- Every node reads the sanctions in force (not lifted, not ended) every few seconds.
CREATE INDEX ix_sanction_active ON sanction (lifted_at, ends_at);
