//! Host hooks: the scenario's time zone for `Date`, and Node's tracking of
//! promise rejections nobody handles.

use crate::time::TimeZone;
use boa_engine::builtins::promise::{OperationType, Promise};
use boa_engine::context::HostHooks;
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsObject};
use std::cell::RefCell;

pub struct NodeHooks {
    zone: RefCell<TimeZone>,
    /// Rejected promises without a handler yet, oldest first.
    unhandled: RefCell<Vec<JsObject>>,
}

impl NodeHooks {
    pub fn new(zone: TimeZone) -> Self {
        Self { zone: RefCell::new(zone), unhandled: RefCell::new(Vec::new()) }
    }

    /// The zone `Date` works in from now on (a prepared context gets the scenario's).
    pub fn set_zone(&self, zone: TimeZone) {
        *self.zone.borrow_mut() = zone;
    }

    /// The first rejection still unhandled once the microtasks ran dry, as
    /// Node's `unhandledRejection` sees it.
    pub fn take_unhandled(&self) -> Option<JsObject> {
        let mut list = self.unhandled.borrow_mut();
        if list.is_empty() {
            None
        } else {
            let first = list.remove(0);
            list.clear();
            Some(first)
        }
    }
}

impl HostHooks for NodeHooks {
    fn local_timezone_offset_seconds(&self, unix_time_seconds: i64) -> i32 {
        self.zone.borrow().offset_seconds(unix_time_seconds)
    }

    fn promise_rejection_tracker(&self, promise: &JsObject<Promise>, operation: OperationType, _context: &mut Context) {
        let mut list = self.unhandled.borrow_mut();
        match operation {
            OperationType::Reject => list.push(promise.clone().upcast()),
            OperationType::Handle => {
                let promise = promise.clone().upcast();
                list.retain(|p| !JsObject::equals(p, &promise));
            }
        }
    }
}

/// The reason a tracked promise was rejected with.
pub fn rejection_reason(promise: &JsObject) -> Option<boa_engine::JsValue> {
    let promise = JsPromise::from_object(promise.clone()).ok()?;
    match promise.state() {
        boa_engine::builtins::promise::PromiseState::Rejected(reason) => Some(reason),
        _ => None,
    }
}
