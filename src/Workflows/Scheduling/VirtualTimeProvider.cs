namespace WorkflowHost.Workflows.Scheduling;

/// <summary>
/// A clock moved by hand (tests and the virtual-time rehearsal): <see cref="SetUtcNow"/>/<see cref="Advance"/>; timers
/// created on it (e.g. <c>Task.Delay(…, provider)</c>) fire when the clock passes their due time. Time never moves
/// on its own, so months of timers run in milliseconds (see <see cref="VirtualTimeDriver"/>).
/// </summary>
public sealed class VirtualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan delta) => SetUtcNow(GetUtcNow() + delta);

    public void SetUtcNow(DateTimeOffset value)
    {
        List<VirtualTimer> due;
        lock (_gate)
        {
            if (value < _now) throw new ArgumentOutOfRangeException(nameof(value), "Virtual time does not go backwards.");
            _now = value.ToUniversalTime();
            due = _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ToList();
        }
        foreach (var timer in due) timer.Fire(value);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;
        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
            }
            if (dueTime == TimeSpan.Zero) Fire(owner.GetUtcNow());
            return true;
        }

        public void Fire(DateTimeOffset now)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this) || DueAt > now) return;
                owner._timers.Remove(this);
                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    DueAt += _period;
                    owner._timers.Add(this);
                }
            }
            callback(state);
        }

        public void Dispose()
        {
            lock (owner._gate) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
