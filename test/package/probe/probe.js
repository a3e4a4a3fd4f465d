// An empty development extension: the package test needs one to carry its test entry into the extension host.
exports.activate = () => {};
