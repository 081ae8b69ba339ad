local ok = true
undefined_function()
