/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (npm run db:postgresql-schema). */
import { writePostgresqlSchema, POSTGRESQL_SCHEMA } from "../../lib/db/postgresql-schema";

console.log(writePostgresqlSchema() ? `Écrit : ${POSTGRESQL_SCHEMA}` : `${POSTGRESQL_SCHEMA} est à jour.`);
