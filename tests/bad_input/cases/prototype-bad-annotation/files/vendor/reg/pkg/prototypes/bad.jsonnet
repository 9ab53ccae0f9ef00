// @apiVersion 0.1
// @name io.example.pkg.bad
// @param onlyname
{}
