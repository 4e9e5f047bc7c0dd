-- DropIndex
DROP INDEX "Trace_hash_key";

