/**
 * The booking page's script, sent inline: plain JavaScript for any phone's browser (no build
 * step, a few kilobytes). It walks service → day → time → details → code and QR, and on
 * `/book/<code>` shows the booking with cancel and move. Texts come from the page.
 */
export const BOOK_SCRIPT = String.raw`(function () {
  var T = JSON.parse(document.getElementById('texts').textContent);
  var lang = document.documentElement.lang;
  var app = document.getElementById('app');
  var options = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'onclick' || key === 'onsubmit') node[key] = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function show(nodes) { app.replaceChildren.apply(app, nodes); window.scrollTo(0, 0); }
  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) { return response.json(); });
  }
  function problem(answer) {
    var code = answer && answer.error && answer.error.code;
    if (code === 'RATE_LIMITED') return T.tooMany;
    if (code === 'NOT_FOUND') return T.notFound;
    if (code === 'BOOKING_DISABLED') return T.disabled;
    return T.errors[code] || (answer && answer.error && answer.error.message) || T.tooMany;
  }
  function alertBox(text) { return el('p', { class: 'alert', role: 'alert' }, [text]); }
  function dayLabel(day) {
    return new Date(day + 'T12:00:00Z').toLocaleDateString(lang, {
      timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long',
    });
  }
  function serviceName(code) {
    var found = options && options.services.filter(function (s) { return s.code === code; })[0];
    return found ? found.name : code;
  }
  function loadOptions() {
    return options ? Promise.resolve(options) : api('GET', '/api/book/options?lang=' + lang).then(function (answer) {
      if (!answer.ok) throw answer;
      options = answer.data;
      return options;
    });
  }

  function chooseService() {
    loadOptions().then(function (data) {
      if (data.services.length === 0) return show([alertBox(T.disabled)]);
      show([el('h2', {}, [T.chooseService])].concat(data.services.map(function (service) {
        return el('button', { class: 'choice', 'data-service': service.code, onclick: function () {
          chooseDay({ service: service.code });
        } }, [service.name]);
      })));
    }).catch(function (answer) { show([alertBox(problem(answer))]); });
  }

  function chooseDay(flow, back) {
    show([el('h2', {}, [T.chooseDay]), el('p', { class: 'muted' }, [serviceName(flow.service)])]
      .concat(options.days.map(function (day) {
        return el('button', { class: 'choice', 'data-day': day, onclick: function () {
          chooseTime(Object.assign({}, flow, { day: day }));
        } }, [dayLabel(day)]);
      }))
      .concat([el('button', { class: 'link', onclick: back || chooseService }, [T.back])]));
  }

  function chooseTime(flow) {
    var query = '?service=' + encodeURIComponent(flow.service) + '&day=' + flow.day;
    api('GET', '/api/book/slots' + query).then(function (answer) {
      if (!answer.ok) return show([alertBox(problem(answer))]);
      var grid = el('div', { class: 'slots' }, answer.data.map(function (slot) {
        return el('button', { class: 'slot', 'data-slot': String(slot.start), onclick: function () {
          var chosen = Object.assign({}, flow, { slotAt: slot.start, time: slot.time });
          if (flow.moving) move(chosen); else details(chosen);
        } }, [slot.time]);
      }));
      show([el('h2', {}, [T.chooseTime]), el('p', { class: 'muted' }, [serviceName(flow.service) + ' · ' + dayLabel(flow.day)]),
        answer.data.length ? grid : el('p', {}, [T.noSlots]),
        el('button', { class: 'link', onclick: function () { chooseDay(flow); } }, [T.back])]);
    });
  }

  function details(flow, message) {
    var name = el('input', { name: 'name', autocomplete: 'name', required: 'required', minlength: '2', maxlength: '100' });
    var phone = el('input', { name: 'phone', type: 'tel', autocomplete: 'tel', required: 'required', placeholder: '+380…' });
    var form = el('form', { onsubmit: function (event) {
      event.preventDefault();
      form.querySelector('button[type=submit]').disabled = true;
      api('POST', '/api/book', { serviceCode: flow.service, slotAt: flow.slotAt, name: name.value, phone: phone.value, language: lang })
        .then(function (answer) {
          if (answer.ok) return confirmation(answer.data, T.booked);
          details(flow, problem(answer));
        });
    } }, [
      el('label', {}, [T.name, name]), el('label', {}, [T.phone, phone]),
      el('button', { type: 'submit', class: 'primary' }, [T.book]),
    ]);
    show([el('h2', {}, [T.yourDetails]), el('p', { class: 'muted' }, [serviceName(flow.service) + ' · ' + dayLabel(flow.day) + ' ' + flow.time])]
      .concat(message ? [alertBox(message)] : [])
      .concat([form, el('button', { class: 'link', onclick: function () { chooseTime(flow); } }, [T.back])]));
  }

  function card(data) {
    var qr = el('div', { class: 'qr', 'aria-hidden': 'true' }, []);
    qr.innerHTML = data.qr;
    return [
      el('p', {}, [T.yourCode]),
      el('p', { class: 'code', 'data-testid': 'booking-code' }, [data.booking.code]),
      qr,
      el('p', {}, [serviceName(data.booking.serviceCode)]),
      el('p', {}, [T.when + ': ' + dayLabel(data.booking.day) + ' ' + data.booking.time]),
      el('p', { class: 'status', 'data-status': data.booking.status }, [T.status[data.booking.status]]),
    ];
  }

  function confirmation(data, heading) {
    show([el('h2', {}, [heading])].concat(card(data)).concat([
      el('p', { class: 'muted' }, [T.codeHint]),
      el('a', { href: '/book/' + data.booking.code + '?lang=' + lang, 'data-testid': 'manage-link' }, [T.manageLink]),
    ]));
  }

  function manage(code, message) {
    loadOptions().then(function () { return api('GET', '/api/book/' + encodeURIComponent(code)); }).then(function (answer) {
      if (!answer.ok) return show([alertBox(problem(answer))]);
      var booking = answer.data.booking;
      var actions = booking.status !== 'booked' ? [] : [
        el('button', { class: 'primary', onclick: function () {
          chooseDay({ service: booking.serviceCode, moving: code }, function () { manage(code); });
        } }, [T.move]),
        el('button', { class: 'danger', 'data-action': 'cancel', onclick: function () {
          if (!window.confirm(T.cancelConfirm)) return;
          api('POST', '/api/book/' + code + '/cancel').then(function (result) {
            manage(code, result.ok ? undefined : problem(result));
          });
        } }, [T.cancel]),
      ];
      show((message ? [alertBox(message)] : []).concat(card(answer.data)).concat(actions));
    }).catch(function (answer) { show([alertBox(problem(answer))]); });
  }

  function move(flow) {
    api('POST', '/api/book/' + flow.moving + '/move', { slotAt: flow.slotAt }).then(function (answer) {
      if (answer.ok) return confirmation(answer.data, T.moved);
      manage(flow.moving, problem(answer));
    });
  }

  var match = /^\/book\/([A-Za-z0-9]{4,12})\/?$/.exec(location.pathname);
  if (match) manage(match[1].toUpperCase()); else chooseService();
})();`;
