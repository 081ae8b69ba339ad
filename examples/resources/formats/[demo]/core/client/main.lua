-- alt:V's client-main: sent to clients with the client-files, run by each client (bin/plinth-client) in its own
-- sandboxed Lua; the server never runs it (this resource has no server main).
local info = Resource.GetResourceInfo("core")
print("core client-main runs: core " .. tostring(info and info.version))
Resource.MarkReady("core")
