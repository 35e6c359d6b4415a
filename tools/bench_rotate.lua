-- wrk -s tools/bench_rotate.lua http://host:port -- /a/ /b/ ...: each thread asks the paths in
-- turn, with the headers given by -H, so that one run loads several pages at once.
local requests = {}
local turn = 0

function init(paths)
   for i, path in ipairs(paths) do
      requests[i] = wrk.format(nil, path)
   end
end

function request()
   turn = turn % #requests + 1
   return requests[turn]
end
