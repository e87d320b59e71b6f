-- Prints the 95th percentile of latency after a wrk run, in milliseconds.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
