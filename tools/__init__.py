"""Scripts run beside the site, never by it: the benchmark and the way it starts instances."""
