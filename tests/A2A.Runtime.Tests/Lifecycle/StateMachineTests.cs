namespace A2A.Runtime.Tests.Lifecycle;

public class StateMachineTests
{
    private enum Door { Open, Closed, Locked }

    private enum Action { Close, Open, Lock, Unlock, Slam }

    [Fact]
    public void Fires_permitted_triggers_and_refuses_others_with_the_permitted_list()
    {
        var machine = new StateMachine<Door, Action>(DoorDefinition(() => true), Door.Open);
        machine.Fire(Action.Close);
        Assert.Equal(Door.Closed, machine.State);
        Assert.Equal([Action.Open, Action.Lock], machine.PermittedTriggers);

        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire(Action.Close));
        Assert.Contains("Open, Lock", error.Message);
        Assert.Equal(Door.Closed, machine.State);
        Assert.False(machine.TryFire(Action.Unlock));
    }

    [Fact]
    public void Guards_are_evaluated_on_every_check_and_named_in_errors()
    {
        bool hasKey = false;
        var machine = new StateMachine<Door, Action>(DoorDefinition(() => hasKey), Door.Closed);
        Assert.False(machine.CanFire(Action.Lock));
        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire(Action.Lock));
        Assert.Contains("has key", error.Message);

        hasKey = true;
        Assert.True(machine.CanFire(Action.Lock));
        machine.Fire(Action.Lock);
        Assert.Equal(Door.Locked, machine.State);
    }

    [Fact]
    public void External_state_and_entry_exit_actions_run_in_order()
    {
        var log = new List<string>();
        var builder = new StateMachineBuilder<Door, Action>();
        builder.Configure(Door.Open).Permit(Action.Close, Door.Closed).OnExit(t => log.Add($"exit {t.Source} via {t.Trigger}"));
        builder.Configure(Door.Closed).PermitReentry(Action.Slam).OnEntry(t => log.Add($"enter {t.Destination} reentry={t.IsReentry}"));
        StateMachineDefinition<Door, Action> definition = builder.Build();

        Door stored = Door.Open; // e.g. a column of an entity
        var machine = new StateMachine<Door, Action>(definition, () => stored, value => { log.Add($"store {value}"); stored = value; });
        machine.Fire(Action.Close);
        machine.Fire(Action.Slam);

        Assert.Equal(Door.Closed, stored);
        Assert.Equal(["exit Open via Close", "store Closed", "enter Closed reentry=False", "store Closed", "enter Closed reentry=True"], log);
    }

    [Fact]
    public void A_trigger_is_permitted_once_per_state()
    {
        var builder = new StateMachineBuilder<Door, Action>();
        builder.Configure(Door.Open).Permit(Action.Close, Door.Closed);
        var error = Assert.Throws<InvalidOperationException>(() => builder.Configure(Door.Open).Permit(Action.Close, Door.Locked));
        Assert.Contains("already permitted", error.Message);
    }

    [Fact]
    public void Diagrams_include_guards()
    {
        StateMachineDefinition<Door, Action> definition = DoorDefinition(() => true);
        Assert.Contains("Closed --> Locked : Lock [has key]", definition.ToMermaid());
        Assert.Contains("\"Closed\" -> \"Locked\" [label=\"Lock [has key]\"]", definition.ToDot());
    }

    private static StateMachineDefinition<Door, Action> DoorDefinition(Func<bool> hasKey)
    {
        var builder = new StateMachineBuilder<Door, Action>();
        builder.Configure(Door.Open).Permit(Action.Close, Door.Closed);
        builder.Configure(Door.Closed).Permit(Action.Open, Door.Open).PermitIf(Action.Lock, Door.Locked, hasKey, "has key");
        builder.Configure(Door.Locked).Permit(Action.Unlock, Door.Closed);
        return builder.Build();
    }
}
