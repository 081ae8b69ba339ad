-- The client side of radar: runs in each client's own sandboxed Lua (bin/plinth-client), not on the server.
AddEventHandler("radar:contacts", function(event)
  print("radar contacts from " .. event.source .. ": " .. "scan " .. tostring(event.payload.scan))
end)

AddEventHandler("resource:sync", function(event)
  print("radar sees " .. event.payload.resourceName .. " " .. event.payload.state)
end)

local names = Resource.GetResources()
print("radar up on the client; the server lists " .. #names .. " resource(s) for clients")
Resource.MarkReady("radar")
mc.emit_server("radar:hello", { range = 128 })
