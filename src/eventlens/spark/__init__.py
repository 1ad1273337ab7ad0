"""Apache Spark: the coding pipeline over archives, in ``mapInPandas`` (see ``job``)."""
