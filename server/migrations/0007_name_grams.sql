-- Chinese names are two to four characters: a trigram index cannot serve a search for
-- one or two of them. name_grams lists every substring of one and two characters, so
-- "建国" is found by a GIN index as name_grams(name) @> '{建国}'. Longer searches use pg_trgm.
CREATE OR REPLACE FUNCTION name_grams(s text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (SELECT substr(lower(s), i, n) AS g
            FROM generate_series(1, char_length(s)) i, (VALUES (1), (2)) AS len(n)
           WHERE i + n - 1 <= char_length(s)) grams
$$;
