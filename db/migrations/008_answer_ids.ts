// Idempotent answers: the client names each answer (a double click or a retry
// after a lost reply sends the same name), and the log stores it once.
export const sql = `
ALTER TABLE reviews ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX reviews_client_id ON reviews(client_id) WHERE client_id IS NOT NULL;
`;
