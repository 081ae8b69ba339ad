-- An MTADM-style server script: the Resource API, AddEventHandler and a config asset.

local settings, err = Resource.ReadConfigAsset("admin-tools", "config/settings.json")
if err then
  print("no settings (" .. err .. "), using the defaults")
  settings = { announce = true, prefix = "[admin]" }
end

local function announce(text)
  if settings.announce then
    print(settings.prefix .. " " .. text)
  end
end

AddEventHandler("resource:started", function(event)
  announce("Started: " .. tostring(event.payload.resourceName))
end)

AddEventHandler("resource:stopped", function(event)
  announce("Stopped: " .. tostring(event.payload.resourceName))
end)

AddEventHandler("resource:restart", function(event)
  announce("Restarted: " .. tostring(event.payload.resourceName))
end)

AddEventHandler("resource:start_error", function(event)
  announce("Start error " .. tostring(event.payload.resourceName) .. ": " .. tostring(event.payload.error))
end)

-- /resources: every resource with its state; /resources NAME: one resource in detail.
mc.register_command("resources", {
  description = "Lists the resources and their states",
  permission = "admin.resources",
  execute = function(sender, args)
    if args[1] then
      local info, infoErr = Resource.GetResourceInfo(args[1])
      if infoErr then
        sender:send_message("Resource.GetResourceInfo failed: " .. infoErr)
        return
      end
      sender:send_message(info.name .. " " .. info.version .. " (" .. info.resourceType .. ") state=" .. info.state)
      return
    end
    local names, listErr = Resource.GetResources()
    if listErr then
      sender:send_message("Resource.GetResources failed: " .. listErr)
      return
    end
    for _, name in ipairs(names) do
      local info = Resource.GetResourceInfo(name)
      sender:send_message(name .. ": " .. (info and info.state or "unknown"))
    end
  end
})

function on_enable()
  local names = Resource.GetResources() or {}
  announce("admin-tools ready, " .. #names .. " resources, names up to " .. Resource.MAX_NAME_LENGTH .. " characters")
end
