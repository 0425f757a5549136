-- The one-time form token a partner message was sent with (hashed): a double click or a resubmitted
-- form finds it here and sends nothing twice. Older messages have none.
ALTER TABLE partner_message ADD COLUMN form_token_hash CHAR(64) NULL;
CREATE UNIQUE INDEX ux_partner_message_token ON partner_message (form_token_hash);
