-- Custom SQL migration file, put your code below! --
-- Employers made before they had a jurisdiction take their campaign's.
UPDATE "employers" e SET "jurisdiction" = c."jurisdiction" FROM "campaigns" c WHERE c."id" = e."campaign_id";
