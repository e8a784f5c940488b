using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0004: an agent declaration the generator cannot turn into code (the reason is in the message).</summary>
public class A2A0004Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    // Each problem is reported on the syntax that causes it, and the rest of the agent is still generated, so code that
    // names its types keeps compiling (Uses binds to the generated updater).
    [Theory]
    [InlineData("[A2AAgent({|A2A0004:\"\"|})]", "")]
    [InlineData("[A2AAgent(\"Echo\", {|A2A0004:JsonContext = typeof(string)|})]", "")]
    [InlineData("[A2AAgent(\"Echo\", {|A2A0004:OptionalStates = (OptionalTaskStates)8|})]", "")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report))][{|A2A0004:A2AArtifact(typeof(Report))|}]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][{|A2A0004:A2AArtifact(typeof(Report), Name = \"--\")|}]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2ASkill(\"s\", \"One\")][{|A2A0004:A2ASkill(\"s\", \"Two\")|}]", "")]
    [InlineData("[A2AAgent(\"Echo\")][{|A2A0004:A2AArtifact(typeof(Report), Name = \"task\")|}]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][{|A2A0004:A2AArtifact(typeof(Report), Name = \"hash-code\")|}]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"item\")][{|A2A0004:A2AArtifact(typeof(Report), Name = \"item list\")|}]", "public sealed record Report(string Text);")]
    public Task A2A0004_invalid_declarations(string attributes, string extra) => Verify(Usings + extra + "\n" + attributes + """

        public interface IEcho
        {
        }

        public static class Uses
        {
            public static Task<A2A.Protocol.AgentTask> Finish(EchoTaskUpdater updater) => updater.CompleteAsync();
        }
        """);

    [Fact]
    public Task Every_problem_of_a_declaration_is_reported_at_once() => Verify(Usings + """
        public sealed record Report(string Text);

        [A2AAgent({|A2A0004:""|}, {|A2A0004:OptionalStates = (OptionalTaskStates)64|})]
        [{|A2A0004:A2ASkill("", "nameless")|}]
        [A2AArtifact(typeof(Report))]
        [{|A2A0004:A2AArtifact(typeof(Report), Name = "Report")|}]
        public partial class Echo
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => context.Updater.AddReportAsync(new Report("still generated"));
        }
        """);

    [Fact]
    public Task A2A0004_file_local_agent_and_artifact() => Verify(Usings + """
        file sealed record Note(string Text);

        [A2AAgent("Local")]
        file interface {|A2A0004:ILocalAgent|}
        {
        }

        [A2AAgent("Uses a local artifact")]
        [{|A2A0004:A2AArtifact(typeof(Note))|}]
        public interface INotes
        {
        }
        """);

    [Fact]
    public Task A2A0004_agent_the_generated_code_cannot_reach() => Verify(Usings + """
        public partial class Outer
        {
            [A2AAgent("Hidden")]
            private interface {|A2A0004:IHidden|}
            {
            }

            private partial class Container
            {
                [A2AAgent("AlsoHidden")]
                internal interface {|A2A0004:IAlsoHidden|}
                {
                }
            }
        }
        """);

    // System.Text.Json reads an abstract base back when it names its derived types with discriminators: such a type
    // is a valid artifact (the typed updater method exists and compiles); without them it is reported.
    [Fact]
    public Task Polymorphic_abstract_artifact_with_discriminators_is_valid() => Verify(Usings + """
        using System.Text.Json.Serialization;

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
        [JsonDerivedType(typeof(Flight), "flight")]
        [JsonDerivedType(typeof(Hotel), "hotel")]
        public abstract record Booking(string Id);
        public sealed record Flight(string Id, string Number) : Booking(Id);
        public sealed record Hotel(string Id, string Name) : Booking(Id);

        [JsonDerivedType(typeof(Seat), "seat")]
        public interface IReservation { }
        public sealed record Seat(string Row) : IReservation;

        [A2AAgent("Bookings")]
        [A2AArtifact(typeof(Booking))]
        [A2AArtifact(typeof(IReservation), Name = "reservation")]
        public interface IBookings { }

        public static class Uses
        {
            public static Task<string> Add(BookingsTaskUpdater updater) => updater.AddBookingAsync(new Flight("1", "TP123"));
            public static Task<string> Reserve(BookingsTaskUpdater updater) => updater.AddReservationAsync(new Seat("12A"));
        }
        """);

    [Fact]
    public Task Abstract_artifact_without_discriminators_is_reported() => Verify(Usings + """
        using System.Text.Json.Serialization;

        [JsonDerivedType(typeof(Flight))]
        public abstract record Booking(string Id);
        public sealed record Flight(string Id, string Number) : Booking(Id);

        [A2AAgent("Bookings")]
        [{|A2A0004:A2AArtifact(typeof(Booking))|}]
        public interface IBookings { }
        """);
}
