-- The rate limits' buckets (shared-service's DatabaseBuckets, Bucket4j): one row per caller and endpoint group, shared
-- by every replica of this side, so two instances give a caller one budget, not two. expires_at (epoch millis) says
-- when a row has nothing left to remember; rows past it are removed hourly.
create table rate_limit_buckets (
    id         varchar(512) primary key,
    state      varbinary(4096),
    expires_at bigint
);
