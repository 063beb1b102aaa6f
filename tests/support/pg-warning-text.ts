/** pg's deprecation warning for a query started while its connection is busy (an error from pg 9). */
export const PG_PARALLEL_QUERY_WARNING = "Calling client.query() when the client is already executing a query";
