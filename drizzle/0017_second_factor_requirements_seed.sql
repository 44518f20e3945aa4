-- Admins and organizers see every signer's name and rating: a second factor is required of them
-- from the start (decision 0026). Committee members and viewers may add one. The instance admin
-- changes this in the organizer app.
INSERT INTO "second_factor_requirements" ("role", "required") VALUES
  ('admin', true), ('organizer', true), ('committee', false), ('viewer', false)
ON CONFLICT ("role") DO NOTHING;
