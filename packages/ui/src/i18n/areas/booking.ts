/** Bookings: the kiosk's check-in answers and reception's booking form. */
import { defineArea } from '../area';

export const bookingArea = defineArea({
  uk: {
    'booking.kiosk.onTime': 'Ви записані на {time}. Вас запросять у цей час.',
    'booking.kiosk.late':
      'Ви запізнилися на свій запис, тому стали в загальну чергу. Вас запросять у порядку черги.',
    'booking.kiosk.tooEarly':
      'Реєстрація на ваш запис ще не почалася. Підійдіть, будь ласка, ближче до свого часу.',
    'booking.kiosk.expired': 'День цього запису вже минув. Візьміть звичайний талон.',
    'booking.kiosk.already': 'За цим кодом уже видано талон.',
    'booking.reception.heading': 'Запис на прийом',
    'booking.reception.service': 'Послуга',
    'booking.reception.day': 'День',
    'booking.reception.slot': 'Час',
    'booking.reception.noSlots': 'Вільного часу немає',
    'booking.reception.name': 'Ім’я та прізвище',
    'booking.reception.phone': 'Телефон',
    'booking.reception.submit': 'Записати',
    'booking.reception.done': 'Записано: код {code}, {day} о {time}',
    'booking.reception.failed': 'Не вдалося записати: {reason}',
  },
  ru: {
    'booking.kiosk.onTime': 'Вы записаны на {time}. Вас пригласят в это время.',
    'booking.kiosk.late':
      'Вы опоздали на свою запись, поэтому встали в общую очередь. Вас пригласят в порядке очереди.',
    'booking.kiosk.tooEarly':
      'Регистрация на вашу запись ещё не началась. Подойдите, пожалуйста, ближе к своему времени.',
    'booking.kiosk.expired': 'День этой записи уже прошёл. Возьмите обычный талон.',
    'booking.kiosk.already': 'По этому коду талон уже выдан.',
    'booking.reception.heading': 'Запись на приём',
    'booking.reception.service': 'Услуга',
    'booking.reception.day': 'День',
    'booking.reception.slot': 'Время',
    'booking.reception.noSlots': 'Свободного времени нет',
    'booking.reception.name': 'Имя и фамилия',
    'booking.reception.phone': 'Телефон',
    'booking.reception.submit': 'Записать',
    'booking.reception.done': 'Записано: код {code}, {day} в {time}',
    'booking.reception.failed': 'Не удалось записать: {reason}',
  },
  en: {
    'booking.kiosk.onTime': 'Your booking is at {time}. You will be called at that time.',
    'booking.kiosk.late': 'You came after your booked time, so you have joined the ordinary queue.',
    'booking.kiosk.tooEarly':
      'Check-in for your booking has not opened yet. Please come closer to your time.',
    'booking.kiosk.expired': 'The day of this booking has passed. Please take an ordinary ticket.',
    'booking.kiosk.already': 'A ticket has already been issued for this code.',
    'booking.reception.heading': 'Book a visit',
    'booking.reception.service': 'Service',
    'booking.reception.day': 'Day',
    'booking.reception.slot': 'Time',
    'booking.reception.noSlots': 'No free time',
    'booking.reception.name': 'Full name',
    'booking.reception.phone': 'Phone',
    'booking.reception.submit': 'Book',
    'booking.reception.done': 'Booked: code {code}, {day} at {time}',
    'booking.reception.failed': 'Could not book: {reason}',
  },
});
