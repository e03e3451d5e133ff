import { startEmbeddedPostgres } from "../../../lib/db/embedded-postgres";
import { migrationSuite } from "./migration-suite";

migrationSuite("migrations on an empty PGlite", () => startEmbeddedPostgres({ port: 0 }));
