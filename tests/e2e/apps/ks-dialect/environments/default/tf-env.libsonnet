{g: std.thisFile}
