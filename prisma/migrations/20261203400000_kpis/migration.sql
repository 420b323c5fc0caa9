-- Key figures (kpis.md): when an account became a customer, and indexes for the KPI statements.

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "customerSince" TIMESTAMPTZ(3);

-- An account turning CUSTOMER (a won deal, an edit, an import) remembers the moment: the one the
-- writer gives, else the transaction's time. It stays when the status changes again, so
-- "became a customer in the period" still counts an account that has become inactive since.
CREATE FUNCTION "account_customer_since"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."statusKey" = 'CUSTOMER'
     AND (TG_OP = 'INSERT' OR OLD."statusKey" IS DISTINCT FROM 'CUSTOMER')
     AND NEW."customerSince" IS NOT DISTINCT FROM (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD."customerSince" END) THEN
    NEW."customerSince" := now();
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Account_customer_since" BEFORE INSERT OR UPDATE ON "Account" FOR EACH ROW EXECUTE FUNCTION "account_customer_since"();

-- Customers so far: since their first won deal, else since the account last changed.
UPDATE "Account" a SET "customerSince" = COALESCE(
  (SELECT min(o."closedAt") FROM "Opportunity" o WHERE o."accountId" = a."id" AND o."status" = 'WON'), a."updatedAt")
WHERE a."statusKey" = 'CUSTOMER';
