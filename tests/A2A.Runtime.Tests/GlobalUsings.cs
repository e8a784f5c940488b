global using A2A.Errors;
global using A2A.Lifecycle;
global using A2A.Protocol;
global using A2A.Storage;
global using A2A.Tasks;
